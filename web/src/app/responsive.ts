import { useSyncExternalStore } from 'react';

const query = '(max-width: 767px)';
const subscribe = (onChange: () => void) => {
  const mq = window.matchMedia(query);
  mq.addEventListener('change', onChange);
  return () => mq.removeEventListener('change', onChange);
};

/** True on a phone-sized screen (below antd's md breakpoint), known from the first render. */
export const useIsPhone = () => useSyncExternalStore(subscribe, () => window.matchMedia(query).matches);
