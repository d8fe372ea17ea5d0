import type { LocateResponse } from '@gongzhi/contracts';
import type { FormInstance } from 'antd';
import { useCallback, useState } from 'react';
import { api, errorText } from '../../api/client';
import { useI18n } from '../../app/i18n';

/**
 * The place of a report: a point from the phone's location or a tap on the map, placed in its grid
 * (GET /grids/locate, public), which also fills an empty address with street + community.
 */
export function usePlacePicker(form: FormInstance) {
  const { t } = useI18n();
  const [point, setPoint] = useState<[number, number] | null>(null);
  const [place, setPlace] = useState<LocateResponse | null>(null);
  const [placeError, setPlaceError] = useState<string | null>(null);
  const [locating, setLocating] = useState(false);

  const placeAt = useCallback((lng: number, lat: number) => {
    setPoint([lng, lat]);
    setPlace(null);
    setPlaceError(null);
    api<LocateResponse>(`/grids/locate?lng=${lng}&lat=${lat}`)
      .then((p) => {
        setPlace(p);
        if (!form.getFieldValue('address')) form.setFieldValue('address', `${p.street.name}${p.community.name}`);
      })
      .catch((e: unknown) => setPlaceError(errorText(e)));
  }, [form]);

  const useMyLocation = () => {
    if (!navigator.geolocation) return setPlaceError(t('geoUnavailable', { e: '—' }));
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setLocating(false);
        placeAt(Number(pos.coords.longitude.toFixed(6)), Number(pos.coords.latitude.toFixed(6)));
      },
      (err) => {
        setLocating(false);
        setPlaceError(t('geoUnavailable', { e: err.message }));
      },
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 30_000 },
    );
  };

  const clear = () => {
    setPoint(null);
    setPlace(null);
  };
  return { point, place, placeError, locating, placeAt, useMyLocation, clear };
}
