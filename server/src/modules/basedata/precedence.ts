/**
 * 一数一源: which value a field keeps when a source writes it. Each field may have one authoritative
 * source (公安 for 户籍 data, 人社 for employment, the grid worker for the current residence):
 * - a blank incoming value never erases anything (a department file simply lacks the column's data);
 * - an equal value changes nothing (so re-importing a file changes nothing), except that the
 *   authoritative source confirming a value takes over its provenance;
 * - the authoritative source always wins;
 * - a value from another source never overwrites the authoritative one: the disagreement becomes a
 *   discrepancy (比对) for an administrator;
 * - between non-authoritative sources, the latest write wins.
 */
export type FieldDecision = 'unchanged' | 'set' | 'discrepancy';

export interface SourcedValue {
  value: string | null;
  /** The source of the write that set the value; undefined when the field was never set. */
  source: string | undefined;
}

export function decideField(current: SourcedValue, incoming: SourcedValue, authority: string | undefined): FieldDecision {
  if (isBlank(incoming.value)) return 'unchanged';
  if (current.value === incoming.value) {
    return incoming.source === authority && current.source !== authority ? 'set' : 'unchanged';
  }
  if (isBlank(current.value)) return 'set';
  if (authority !== undefined && incoming.source === authority) return 'set';
  if (authority !== undefined && current.source === authority) return 'discrepancy';
  return 'set';
}

function isBlank(value: string | null): boolean {
  return value === null || value === '';
}

/** Which write set each field: `*` covers every field not listed on its own. */
export type Provenance = Record<string, number>;

export function writeOf(provenance: Provenance, field: string): number | undefined {
  return provenance[field] ?? provenance['*'];
}

export interface MergeResult {
  /** Fields to write, with their new values. */
  changes: Record<string, string>;
  discrepancies: { field: string; current: string | null; currentWriteId: number | undefined; proposed: string }[];
  provenance: Provenance;
}

/**
 * Merges one incoming write into a record's current values. `sourceOfWrite` names the source of each
 * write id in the record's provenance.
 */
export function mergeRecord(
  current: Record<string, string | null>,
  provenance: Provenance,
  sourceOfWrite: (writeId: number) => string | undefined,
  incoming: Record<string, string | null>,
  write: { id: number; source: string },
  authorities: Record<string, string>,
): MergeResult {
  const result: MergeResult = { changes: {}, discrepancies: [], provenance: { ...provenance } };
  for (const [field, value] of Object.entries(incoming)) {
    const currentWrite = writeOf(provenance, field);
    const currentValue = current[field] ?? null;
    const decision = decideField(
      { value: currentValue, source: currentWrite === undefined ? undefined : sourceOfWrite(currentWrite) },
      { value, source: write.source },
      authorities[field],
    );
    if (decision === 'set') {
      result.provenance[field] = write.id;
      if (value !== currentValue) result.changes[field] = value as string;
    } else if (decision === 'discrepancy') {
      result.discrepancies.push({ field, current: currentValue, currentWriteId: currentWrite, proposed: value as string });
    }
  }
  return result;
}

/** The provenance of a new record: every field it was created with comes from one write. */
export function newProvenance(writeId: number): Provenance {
  return { '*': writeId };
}
