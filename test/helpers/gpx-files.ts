import { makeRunSession, type RunFitOptions } from './fit-files.js';

/**
 * The same synthetic run `makeRunFit(options)` encodes, as Strava exports it in GPX: positions, elevation, time,
 * and heart rate and cadence (strides/min, as Garmin's TrackPointExtension has it) — no dynamics, no power.
 */
export function stravaGpxOf(options: RunFitOptions & { name?: string } = {}): Uint8Array {
  const session = makeRunSession(options);
  const { time, lat, lon, altitude, heartRate, cadence } = session.samples;
  if (!lat || !lon) throw new Error('a GPX needs positions: not for treadmill runs');
  const startMs = session.startTime.getTime();
  const points: string[] = [];
  for (let i = 0; i < time.length; i++) {
    const la = lat[i] as number;
    const lo = lon[i] as number;
    if (Number.isNaN(la) || Number.isNaN(lo)) continue;
    const ext: string[] = [];
    const hr = heartRate?.[i];
    const cad = cadence?.[i];
    if (hr !== undefined && !Number.isNaN(hr)) ext.push(`<gpxtpx:hr>${Math.round(hr)}</gpxtpx:hr>`);
    if (cad !== undefined && !Number.isNaN(cad)) ext.push(`<gpxtpx:cad>${Math.round(cad / 2)}</gpxtpx:cad>`);
    const ele = altitude?.[i];
    points.push(
      `<trkpt lat="${la.toFixed(7)}" lon="${lo.toFixed(7)}">` +
        (ele !== undefined && !Number.isNaN(ele) ? `<ele>${ele.toFixed(1)}</ele>` : '') +
        `<time>${new Date(startMs + (time[i] as number) * 1000).toISOString().replace('.000Z', 'Z')}</time>` +
        (ext.length > 0
          ? `<extensions><gpxtpx:TrackPointExtension>${ext.join('')}</gpxtpx:TrackPointExtension></extensions>`
          : '') +
        '</trkpt>',
    );
  }
  const gpx =
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<gpx creator="StravaGPX" version="1.1" xmlns="http://www.topografix.com/GPX/1/1" ' +
    'xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1">\n' +
    `<metadata><time>${session.startTime.toISOString()}</time></metadata>\n` +
    `<trk><name>${options.name ?? 'Morning Run'}</name><type>running</type><trkseg>\n${points.join('\n')}\n</trkseg></trk>\n</gpx>\n`;
  return new TextEncoder().encode(gpx);
}
