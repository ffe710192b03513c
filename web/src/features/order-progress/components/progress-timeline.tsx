import { Empty, Timeline, Typography } from 'antd';
import { QueryState } from '../../../components/query-state.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { TimelineResponse } from '../api/get-timeline.ts';
import { m } from '../messages.ts';
import { formatTime } from './rejection-panel.tsx';

type Entry = TimelineResponse['items'][number];

const colorOf = (e: Entry): string => {
  if (e.toState === 'approved' || e.toState === 'completed_removed') return 'green';
  if (
    e.toState === 'provider_rejected' ||
    e.toState === 'admin_rejected' ||
    e.toState === 'returned_by_miit' ||
    e.toState === 'authenticity_rejected' ||
    e.toState === 'abandoned'
  ) {
    return 'red';
  }
  return e.actor === 'applicant' ? 'blue' : 'gray';
};

/** The order's history, newest first: what happened, when, by which party (by role, never a person). */
export function ProgressTimeline({
  query,
}: {
  query: { data: TimelineResponse | undefined; error: unknown; isPending: boolean; refetch: () => unknown };
}) {
  const { t, ts } = useI18n();
  return (
    <QueryState query={query} isEmpty={(d) => d.items.length === 0} empty={<Empty description={t(m.timelineEmpty)} />}>
      {(data) => (
        <Timeline
          className="op-timeline"
          items={[...data.items].reverse().map((e, i) => ({
            key: `${e.at}-${i}`,
            color: colorOf(e),
            content: (
              <div>
                <Typography.Text strong>{ts(e.title)}</Typography.Text>
                <div className="op-timeline-meta">
                  <time dateTime={e.at}>{formatTime(e.at)}</time>
                  <span>{t(m.timelineActor, { actor: ts(e.actorLabel) })}</span>
                  {e.toStateLabel && <span>{t(m.timelineState, { state: ts(e.toStateLabel) })}</span>}
                </div>
              </div>
            ),
          }))}
        />
      )}
    </QueryState>
  );
}
