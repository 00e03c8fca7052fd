/**
 * @module store/faults
 * Why a store cannot be written, told apart: the disk is full, the file or its folder is
 * read-only, the file is damaged, or the disk failed. Each is a `StoreFault`: UNAVAILABLE for a
 * full disk or a read-only store (the same write succeeds once that is fixed, so a client keeps
 * it and tries again: the server answers 503), STORAGE for damage and disk failures. Each
 * message names the real cause; the store stays readable in all four, so the learner can
 * still look at their progress and export it. Callers that write only by the way (a remembered
 * forecast, the calendar's export records) skip such writes with `isWriteFault`.
 */
import { MlpathError } from '../core/errors.js';
import type { Message } from '../core/errors.js';

export type FaultKind = 'full' | 'read-only' | 'damaged' | 'io';

export class StoreFault extends MlpathError {
  readonly fault: FaultKind;

  constructor(fault: FaultKind, message: Message, hintKey: string, cause?: unknown) {
    super({
      code: fault === 'full' || fault === 'read-only' ? 'UNAVAILABLE' : 'STORAGE',
      key: message.key,
      params: message.params ?? {},
      hintKey,
      cause,
    });
    this.fault = fault;
  }
}

export function isWriteFault(error: unknown): error is StoreFault {
  return error instanceof StoreFault;
}

/** The hint for a damaged store: the doctor's details, and a way back to a backup (catalogue key). */
export const RESTORE_HINT = 'hint.restore';

/** The fault of one kind at a location, with the message that names it. */
export function faultFor(kind: FaultKind, location: string, detail = '', cause?: unknown): StoreFault {
  switch (kind) {
    case 'full':
      return new StoreFault('full', { key: 'fault.full', params: { location } }, 'hint.freeSpace', cause);
    case 'read-only':
      return new StoreFault('read-only', { key: 'fault.readOnly', params: { location } }, 'hint.makeWritable', cause);
    case 'damaged':
      return new StoreFault('damaged', { key: 'fault.damaged', params: { location, detail } }, RESTORE_HINT, cause);
    case 'io':
      return new StoreFault('io', { key: 'fault.io', params: { location, detail } }, 'hint.checkDisk', cause);
  }
}

/** The SQLite result codes (better-sqlite3's `code`) that mean a fault rather than a bug or a busy lock. */
export function sqliteFault(error: unknown): FaultKind | undefined {
  const code = (error as { code?: unknown } | undefined)?.code;
  if (typeof code !== 'string') return undefined;
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') return 'full';
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS' || code === 'EACCES' || code === 'EPERM')
    return 'read-only';
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return 'damaged';
  if (code.startsWith('SQLITE_IOERR')) return 'io';
  return undefined;
}

/** The first lines of an integrity report, short enough for a message. */
export function shortReport(lines: readonly string[]): string {
  const shown = lines.slice(0, 2).join('; ');
  return lines.length > 2 ? `${shown}; … ${lines.length - 2} more` : shown;
}
