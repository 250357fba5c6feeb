/**
 * Short beeps for the session player through Web Audio: a tick on each rep, a pip in the last seconds of a hold
 * or a rest, a longer tone at the start and end of a set. Nothing here may throw: where there is no AudioContext
 * (an old browser, a locked-down webview) or it cannot start, the player runs silently.
 */

export type CueKind = 'rep' | 'start' | 'count' | 'end' | 'tick';

const TONES: Record<CueKind, { hz: number; ms: number; gain: number }[]> = {
  rep: [{ hz: 880, ms: 90, gain: 0.25 }],
  tick: [{ hz: 660, ms: 60, gain: 0.15 }],
  count: [{ hz: 740, ms: 110, gain: 0.25 }],
  start: [{ hz: 988, ms: 260, gain: 0.3 }],
  end: [
    { hz: 988, ms: 140, gain: 0.3 },
    { hz: 1319, ms: 320, gain: 0.3 },
  ],
};

type AudioContextClass = typeof AudioContext;

function audioContextClass(): AudioContextClass | null {
  try {
    const w = window as unknown as {
      AudioContext?: AudioContextClass;
      webkitAudioContext?: AudioContextClass;
    };
    return w.AudioContext ?? w.webkitAudioContext ?? null;
  } catch {
    return null;
  }
}

export class Beeper {
  private context: AudioContext | null = null;
  private failed = false;
  muted = false;

  /** Whether this browser can play the cues at all. */
  get available(): boolean {
    return audioContextClass() !== null && !this.failed;
  }

  /**
   * Creates or resumes the audio context; call from a tap (browsers only allow sound after a user gesture).
   */
  unlock(): void {
    const context = this.ensure();
    if (context && context.state === 'suspended') void context.resume().catch(() => undefined);
  }

  play(kind: CueKind): void {
    if (this.muted) return;
    const context = this.ensure();
    if (!context) return;
    try {
      let at = context.currentTime + 0.01;
      for (const tone of TONES[kind]) {
        const oscillator = context.createOscillator();
        const gain = context.createGain();
        oscillator.type = 'sine';
        oscillator.frequency.value = tone.hz;
        const end = at + tone.ms / 1000;
        gain.gain.setValueAtTime(tone.gain, at);
        // A quick fade at the end, so the tone does not click.
        gain.gain.exponentialRampToValueAtTime(0.0001, end);
        oscillator.connect(gain);
        gain.connect(context.destination);
        oscillator.start(at);
        oscillator.stop(end + 0.02);
        at = end + 0.03;
      }
    } catch {
      // a cue is a help, never a reason for the player to stop
    }
  }

  close(): void {
    const context = this.context;
    this.context = null;
    if (context) void context.close().catch(() => undefined);
  }

  private ensure(): AudioContext | null {
    if (this.context) return this.context;
    if (this.failed) return null;
    const Context = audioContextClass();
    if (!Context) return null;
    try {
      this.context = new Context();
    } catch {
      this.failed = true;
      this.context = null;
    }
    return this.context;
  }
}

const MUTE_KEY = 'keel.playerMuted';

export function storedMuted(): boolean {
  try {
    return localStorage.getItem(MUTE_KEY) === '1';
  } catch {
    return false;
  }
}

export function storeMuted(muted: boolean): void {
  try {
    localStorage.setItem(MUTE_KEY, muted ? '1' : '0');
  } catch {
    // private mode: the choice lasts for this visit
  }
}
