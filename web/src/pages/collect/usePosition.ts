import { useCallback, useState } from 'react';

export interface Fix {
  lng: number;
  lat: number;
  /** Metres, as the phone reports it. */
  accuracy: number;
}

/** The phone's GPS position on request (optional: a visit is recorded without one when the phone refuses). */
export function usePosition() {
  const [point, setPoint] = useState<Fix | null>(null);
  const [locating, setLocating] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const locate = useCallback(() => {
    if (!navigator.geolocation) return setError('—');
    setLocating(true);
    setError(null);
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setLocating(false);
        setPoint({ lng: Number(pos.coords.longitude.toFixed(6)), lat: Number(pos.coords.latitude.toFixed(6)), accuracy: pos.coords.accuracy });
      },
      (err) => {
        setLocating(false);
        setError(err.message || String(err.code));
      },
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 30_000 },
    );
  }, []);
  const clear = useCallback(() => {
    setPoint(null);
    setError(null);
  }, []);
  return { point, locating, error, locate, clear };
}
