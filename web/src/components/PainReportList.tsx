import { useEffect, useState } from 'preact/hooks';
import type { PainReportView } from '../../../src/app/views.js';
import type { UnitSystem } from '../../../src/domain/units.js';
import { PainReportCard } from './PainReportCard.js';

interface Props {
  reports: PainReportView[];
  units: UnitSystem;
  linkRun: boolean;
  /** Something changed on the server: the app reads red flags and patterns again. */
  onChanged: () => void;
}

/** Reports as given, updated in place as soon as the server answers, before the lists are read again. */
export function PainReportList({ reports, units, linkRun, onChanged }: Props) {
  const [shown, setShown] = useState(reports);
  useEffect(() => setShown(reports), [reports]);
  return (
    <ol class="pain-list" data-testid="pain-list">
      {shown.map((report) => (
        <li key={report.id}>
          <PainReportCard
            report={report}
            units={units}
            linkRun={linkRun}
            onChanged={(updated) => {
              setShown((list) =>
                updated
                  ? list.map((r) => (r.id === updated.id ? updated : r))
                  : list.filter((r) => r.id !== report.id),
              );
              onChanged();
            }}
          />
        </li>
      ))}
    </ol>
  );
}
