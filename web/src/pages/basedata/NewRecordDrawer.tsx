import { App } from 'antd';
import { useCallback } from 'react';
import { api } from '../../api/client';
import { navigate, organisationHref, personHref } from '../../app/pages';
import { useSession } from '../../app/session';
import { RecordFormDrawer } from './RecordFormDrawer';
import { useFields } from './reference';
import { useStrings, type Strings } from './strings';
import type { Values } from './types';

export interface WriteOutcome { id: string; status: 'inserted' | 'updated' | 'unchanged'; discrepancies: number }

/**
 * Tells what a write did: registered, merged into an existing record, or saved. Values that differ
 * from their field's authoritative source (一数一源) wait as discrepancies instead of being written.
 */
export function announceWrite(message: ReturnType<typeof App.useApp>['message'], s: Strings, out: WriteOutcome, creating: boolean) {
  if (!creating && out.status === 'unchanged') return void message.info(out.discrepancies ? s('heldForReview', { n: out.discrepancies }) : s('unchanged'));
  message.success(creating ? s(out.status === 'inserted' ? 'created' : 'merged') : s('saved'));
  if (out.discrepancies) message.info(s('discrepancies', { n: out.discrepancies }));
}

const targets = {
  person: { path: '/basedata/people', href: personHref, title: 'newPerson', initial: { id_type: 'resident' } },
  organisation: { path: '/basedata/organisations', href: organisationHref, title: 'newOrg', initial: {} },
} as const;

/** 新增人员 / 新增单位: the form generated from the entity's fields; a grid worker's grid is filled in; the new record opens. */
export function NewRecordDrawer({ entity, open, onClose }: { entity: keyof typeof targets; open: boolean; onClose(): void }) {
  const s = useStrings();
  const { user } = useSession();
  const { message } = App.useApp();
  const fields = useFields(entity, null, open);
  const target = targets[entity];
  const submit = useCallback(async (values: Values) => {
    const out = await api<WriteOutcome>(target.path, { method: 'POST', body: { values } });
    announceWrite(message, s, out, true);
    onClose();
    navigate(target.href(out.id));
  }, [message, onClose, s, target]);
  const initial: Values = { ...target.initial, ...(user?.scopeCode.length === 15 ? { grid_code: user.scopeCode } : {}) };
  return <RecordFormDrawer open={open} title={s(target.title)} fields={fields} mode="create" initial={initial} onClose={onClose} onSubmit={submit} testId={`${entity}-form`} />;
}
