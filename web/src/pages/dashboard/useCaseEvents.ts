import type { CaseFeedEvent } from '@gongzhi/contracts';
import { useEffect, useState } from 'react';
import { significant } from './data';

export type CaseEvent = CaseFeedEvent;

/** Whether an event's case lies in a region (a division code, or a grid). */
export function inRegion(region: string, e: Pick<CaseEvent, 'communityCode' | 'gridCode'>): boolean {
  return region.length === 15 ? e.gridCode === region : e.communityCode.startsWith(significant(region));
}

/**
 * The latest 20 case events of the jurisdiction from GET /api/v1/events/cases (Server-Sent Events,
 * event `case`), newest first; `onEvent` runs on each (to refresh the figures). When the stream is not
 * there (404), EventSource gives up and the feed stays empty.
 */
export function useCaseEvents(onEvent?: () => void): CaseEvent[] {
  const [events, setEvents] = useState<CaseEvent[]>([]);
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource('/api/v1/events/cases', { withCredentials: true });
    source.addEventListener('case', (e) => {
      try {
        const event = JSON.parse((e as MessageEvent<string>).data) as CaseEvent;
        setEvents((old) => [event, ...old.filter((x) => !(x.id === event.id && x.kind === event.kind && x.at === event.at))].slice(0, 20));
        onEvent?.();
      } catch {
        // a malformed event is skipped
      }
    });
    return () => source.close();
  }, []); // eslint-disable-line react-hooks/exhaustive-deps
  return events;
}
