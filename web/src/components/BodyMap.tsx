import {
  type Aspect,
  BODY_REGION_LABELS,
  BODY_REGIONS,
  type BodyRegion,
  type Side,
} from '../../../src/domain/pain.js';
import { capitalise, painPlace } from '../pain-format.js';

/**
 * Where it hurts: a front and a back figure with a tappable shape for every body region on each side, and the same
 * regions as a list of buttons for keyboards and screen readers (the drawing itself is hidden from them).
 */

export interface BodyPick {
  region: BodyRegion;
  side: Side;
  /** Set only where the view says it: the back of the knee. */
  aspect: Aspect | null;
}

interface Shape {
  region: BodyRegion;
  /** The outline on the viewer's left half of a 120-unit-wide figure; the right half is its mirror image. */
  points: string;
  aspect?: Aspect;
}

const FIGURE_WIDTH = 120;
const BACK_OFFSET = 128;

const FRONT: Shape[] = [
  { region: 'upper-back-shoulder', points: '24,50 34,44 44,44 42,56 30,62' },
  { region: 'hip', points: '33,110 45,110 46,134 34,138' },
  { region: 'groin', points: '49,121 58,125 58,147 50,139' },
  { region: 'thigh-front', points: '34,142 47,141 57,151 55,200 40,200' },
  { region: 'knee', points: '40,204 55,204 54,222 41,222' },
  { region: 'shin', points: '41,226 54,226 52,263 44,263' },
  { region: 'ankle', points: '43,267 53,267 53,277 43,277' },
  { region: 'foot', points: '42,281 54,281 56,289 39,289' },
  { region: 'toes', points: '38,292 56,292 56,300 38,300' },
];

const BACK: Shape[] = [
  { region: 'upper-back-shoulder', points: '24,50 34,44 58,42 58,70 36,70 30,62' },
  { region: 'mid-back', points: '36,74 58,74 58,98 38,98' },
  { region: 'low-back', points: '38,102 58,102 58,120 36,120' },
  { region: 'glute', points: '34,124 58,124 58,150 48,156 36,152' },
  { region: 'thigh-back', points: '35,157 46,160 57,156 55,200 40,200' },
  { region: 'knee', points: '40,204 55,204 54,222 41,222', aspect: 'back' },
  { region: 'calf', points: '40,226 55,226 53,256 44,258' },
  { region: 'achilles', points: '45,262 52,262 51,275 46,275' },
  { region: 'heel', points: '43,279 53,279 54,292 42,292' },
];

const ARM = '30,48 22,52 18,96 13,140 20,142 26,100 33,70';

function mirror(points: string): string {
  return points
    .split(' ')
    .map((pair) => {
      const [x, y] = pair.split(',');
      return `${FIGURE_WIDTH - Number(x)},${y}`;
    })
    .join(' ');
}

interface Props {
  value: { region: BodyRegion | null; side: Side | null };
  onPick: (pick: BodyPick) => void;
  /** Choosing from the list names the region only; the side is asked next. */
  onPickRegion: (region: BodyRegion) => void;
}

export function BodyMap({ value, onPick, onPickRegion }: Props) {
  const isSelected = (region: BodyRegion, side: Side) =>
    value.region === region && (value.side === side || value.side === 'both');

  const figure = (shapes: Shape[], view: 'front' | 'back') => {
    // Seen from the front, the runner's right side is on the viewer's left.
    const viewerLeft: Side = view === 'front' ? 'right' : 'left';
    const viewerRight: Side = view === 'front' ? 'left' : 'right';
    return (
      <g transform={view === 'back' ? `translate(${BACK_OFFSET} 0)` : undefined} class={`body-${view}`}>
        <circle class="body-base" cx="60" cy="19" r="12" />
        <rect class="body-base" x="54" y="29" width="12" height="14" rx="3" />
        <path class="body-base" d="M32,46 Q60,38 88,46 L86,84 Q84,104 86,118 L34,118 Q36,104 34,84 Z" />
        <polygon class="body-base" points={ARM} />
        <polygon class="body-base" points={mirror(ARM)} />
        {shapes.flatMap((shape) =>
          (
            [
              [viewerLeft, shape.points],
              [viewerRight, mirror(shape.points)],
            ] as const
          ).map(([side, points]) => (
            <polygon
              key={`${view}-${shape.region}-${side}`}
              class={`body-region${isSelected(shape.region, side) ? ' is-selected' : ''}`}
              points={points}
              data-region={shape.region}
              data-side={side}
              data-aspect={shape.aspect}
            >
              <title>{painPlace(shape.region, side, shape.aspect ?? null)}</title>
            </polygon>
          )),
        )}
        <text class="body-side-mark" x="6" y="40">
          {viewerLeft === 'left' ? 'L' : 'R'}
        </text>
        <text class="body-side-mark" x="108" y="40">
          {viewerRight === 'left' ? 'L' : 'R'}
        </text>
      </g>
    );
  };

  return (
    <div class="body-map" data-testid="body-map">
      <figure class="body-figure">
        {/* One listener for every shape: a pointer shortcut, while the buttons below are the accessible control. */}
        <svg
          viewBox={`0 0 ${BACK_OFFSET + FIGURE_WIDTH} 304`}
          aria-hidden="true"
          focusable="false"
          onClick={(e) => {
            const shape = (e.target as Element).closest<SVGElement>('[data-region]');
            const { region, side, aspect } = shape?.dataset ?? {};
            if (region && side)
              onPick({
                region: region as BodyRegion,
                side: side as Side,
                aspect: (aspect as Aspect | undefined) ?? null,
              });
          }}
        >
          {figure(FRONT, 'front')}
          {figure(BACK, 'back')}
        </svg>
        <figcaption class="body-captions" aria-hidden="true">
          <span>Front</span>
          <span>Back</span>
        </figcaption>
      </figure>
      <fieldset class="body-list">
        <legend class="visually-hidden">Body region</legend>
        {BODY_REGIONS.map((region) => (
          <button
            key={region}
            type="button"
            class="chip"
            aria-pressed={value.region === region}
            data-testid={`region-${region}`}
            onClick={() => onPickRegion(region)}
          >
            {capitalise(BODY_REGION_LABELS[region])}
          </button>
        ))}
      </fieldset>
    </div>
  );
}
