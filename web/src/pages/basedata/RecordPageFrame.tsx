import { Button, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { ApiError } from '../../api/client';
import { navigate } from '../../app/pages';
import { useIsPhone } from '../../app/responsive';

interface Props {
  back: { href: string; label: string };
  loaded: boolean;
  failure: Error | null;
  testId: string;
  children?: ReactNode;
}

/** The frame of a record page (person, dwelling, organisation): a back link, the sections, and 404 or 403 when the record is not to be had. */
export function RecordPageFrame({ back, loaded, failure, testId, children }: Props) {
  const phone = useIsPhone();
  if (!loaded) {
    if (!failure) return <Spin style={{ display: 'block', marginTop: 80 }} />;
    const status = failure instanceof ApiError && (failure.status === 404 || failure.status === 403) ? (String(failure.status) as '404' | '403') : 'error';
    return <Result status={status} subTitle={failure.message} extra={<Button onClick={() => navigate(back.href)}>{back.label}</Button>} />;
  }
  const pad = phone ? 8 : 16;
  return (
    <div style={{ height: '100%', overflow: 'auto', background: '#f5f6f8' }} data-testid={testId}>
      <div style={{ maxWidth: 1280, margin: '0 auto', padding: pad, display: 'flex', flexDirection: 'column', gap: pad }}>
        <a href={back.href}>← {back.label}</a>
        {children}
      </div>
    </div>
  );
}
