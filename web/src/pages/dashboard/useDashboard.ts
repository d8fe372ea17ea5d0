import { shortDivisionName } from '@gongzhi/contracts';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useSession } from '../../app/session';
import { useFigures, useLive } from './data';
import { useNames, type NameOf } from './names';
import { presetPeriod, type Period, type Preset } from './period';
import { inRegion, useCaseEvents } from './useCaseEvents';
import { canDrill, useChildren } from './useChildren';

/**
 * Everything the dashboard and the big screen show: the region and period chosen, the figures of the
 * period (by child region, day, category and source), the live counts and the event feed; with
 * `refreshSeconds`, all of it is fetched again on that beat.
 */
export function useDashboard(refreshSeconds?: number) {
  const { user } = useSession();
  const [region, setRegion] = useState(user!.scopeCode);
  const [preset, setPreset] = useState<Preset>('month');
  const [custom, setCustom] = useState<Period | null>(null);
  const [tick, setTick] = useState(0);
  const [liveTick, setLiveTick] = useState(0);
  useEffect(() => {
    if (!refreshSeconds) return;
    const timer = setInterval(() => setTick((n) => n + 1), refreshSeconds * 1000);
    return () => clearInterval(timer);
  }, [refreshSeconds]);
  // the day changes under a screen left open: the presets are read again on every refresh
  const period = useMemo(() => (preset === 'custom' && custom ? custom : presetPeriod(preset === 'custom' ? 'month' : preset)), [preset, custom, tick]); // eslint-disable-line react-hooks/exhaustive-deps
  const byRegion = useFigures(region, period, tick, 'region');
  const byDay = useFigures(region, period, tick, 'day');
  const byCategory = useFigures(region, period, tick, 'category');
  const bySource = useFigures(region, period, tick, 'source');
  const live = useLive(region, tick + liveTick);
  // the live counts read the rollups, which a job brings up to date every few seconds: read them now and again shortly
  const allEvents = useCaseEvents(useCallback(() => {
    setLiveTick((n) => n + 1);
    setTimeout(() => setLiveTick((n) => n + 1), 4000);
  }, []));
  // the feed covers the whole jurisdiction; a dashboard drilled down keeps its region's events
  const events = useMemo(() => allEvents.filter((e) => inRegion(region, e)), [allEvents, region]);
  const names = useNames();
  const areas = useChildren(region);
  const regionName = useMemo<NameOf>(() => {
    const own = new Map((areas?.features ?? []).map((f) => [f.properties.code, shortDivisionName(f.properties.name)]));
    return (code) => own.get(code) ?? names.region(code);
  }, [areas, names]);
  const drill = useCallback((code: string) => void (canDrill(region) && setRegion(code)), [region]);
  const choosePreset = (p: Preset) => {
    setPreset(p);
    if (p !== 'custom') setCustom(null);
  };
  return {
    region, setRegion, drill, preset, choosePreset, period, setRange: (from: string, to: string) => setCustom({ from, to }),
    tick, byRegion, byDay, byCategory, bySource, live, events, names, areas, regionName,
  };
}
export type Dashboard = ReturnType<typeof useDashboard>;
