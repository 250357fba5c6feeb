import type { RedFlagQuestion } from '../../domain/pain.js';

/**
 * How the UI and CLI ask each red-flag question (domain-reference §6), in the order of RED_FLAG_QUESTIONS. A yes
 * is always the worrying answer, so a runner skimming the list never has to untangle a double negative.
 */
export const RED_FLAG_QUESTION_TEXT: Record<RedFlagQuestion, { question: string; hint: string }> = {
  focalBoneTenderness: {
    question: 'Does pressing on one spot of the bone hurt?',
    hint: 'Press along the bone with a fingertip. Pain at one exact spot on the bone, not in the muscle around it, is a yes.',
  },
  painAtRestOrNight: {
    question: 'Does it hurt when you are resting, or wake you at night?',
    hint: 'Sitting still, lying down or in bed, not only when you move.',
  },
  painOnHopping: {
    question: 'Does hopping on that leg hurt?',
    hint: 'Only if walking does not hurt: try a few gentle hops on the painful leg. If walking already hurts, answer yes.',
  },
  limping: {
    question: 'Are you limping?',
    hint: 'During or after the run, or when you walk now.',
  },
  worseningDuringRun: {
    question: 'Did the pain keep getting worse as the run went on?',
    hint: 'Pain that builds the further you run, rather than staying the same or easing.',
  },
  swelling: {
    question: 'Is the painful area swollen?',
    hint: 'Compare with the other side: puffiness, a fuller joint, a deep sock mark.',
  },
  warmthOrRedness: {
    question: 'Is it warm to the touch, or red?',
    hint: 'Compare with the same spot on the other side.',
  },
  lockingOrGivingWay: {
    question: 'Does the joint lock, catch or give way?',
    hint: 'Locking: the knee gets stuck and will not straighten. Giving way: it buckles under you.',
  },
  numbnessOrTingling: {
    question: 'Do you have numbness, tingling or pins and needles?',
    hint: 'Anywhere in the leg or foot, during or after the run.',
  },
  weaknessOrRadiating: {
    question: 'Is the leg weak, or does pain shoot down it?',
    hint: 'Weakness: the foot slaps down or the leg will not push off. Shooting: pain that travels, for example from the back or buttock down the leg.',
  },
  calfSwollenWarmTender: {
    question: 'Is your calf swollen, warm and tender?',
    hint: 'Especially after a long flight or drive, an operation, a cast or days in bed. This needs checking today.',
  },
  systemicSymptoms: {
    question:
      'Do you have a fever, unexplained weight loss, chest pain, breathlessness, or have you fainted?',
    hint: 'Anything that makes you feel unwell beyond the leg. With chest pain, breathlessness or fainting, call emergency services now.',
  },
  fallOrTwistCannotBearWeight: {
    question: 'Did you fall or twist it, and now cannot take four steps on it?',
    hint: 'Four steps on the leg, even with a limp, count as bearing weight.',
  },
  persistsIntoDailyLife: {
    question: 'Does the pain stay with you in daily life, not only when you run?',
    hint: 'Walking, stairs or work on the days after a run.',
  },
};
