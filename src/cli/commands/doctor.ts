/**
 * @module commands/doctor
 * `mlpath doctor [--json]`: a full check of the embedded database (it only reads), exit status 3
 * when it found something that makes the store untrustworthy. `mlpath restore [BACKUP]`: the
 * rolling backups, newest first, or one put back in place of the database (store/sqlite-backups).
 */
import { basename } from 'node:path';
import type { Command } from 'commander';
import { MlpathError } from '../../core/errors.js';
import type { Locale } from '../../core/model.js';
import { examineSqlite, LOW_DISK_BYTES, SERIOUS } from '../../store/doctor.js';
import type { DoctorReport } from '../../store/doctor.js';
import { databaseFile, openStore } from '../../store/open.js';
import { backupDir, findBackup, listBackups, restoreBackup } from '../../store/sqlite-backups.js';
import { helpFor } from '../help-messages.js';
import type { CliIo } from '../io.js';
import { clock, systemLocale } from '../session.js';
import { tmsg } from '../tracking-messages.js';
import type { TrackingKey } from '../tracking-messages.js';

/** A size for people: 812 B, 4.1 KB, 23.5 MB, 1.2 GB. */
export function bytesText(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}

export function renderDoctor(report: DoctorReport, locale: Locale): string {
  const t = (key: TrackingKey, values: Record<string, string | number> = {}): string => tmsg(locale, key, values);
  const lines = [t('doctor.file', { file: report.file, size: bytesText(report.bytes) })];
  // SQLite answers a sound file with the single word "ok"; anything else is its own description.
  if (report.integrity.length === 1 && report.integrity[0] === 'ok') lines.push(t('doctor.integrityOk'));
  else if (report.integrity.length > 0)
    lines.push(t('doctor.integrity', { result: report.integrity.slice(0, 5).join('; ') }));
  else if (report.error !== undefined) lines.push(t('doctor.integrity', { result: report.error }));
  if (report.integrity.length > 0)
    lines.push(
      report.foreignKeyViolations > 0
        ? t('doctor.foreignKeys', { count: report.foreignKeyViolations })
        : t('doctor.foreignKeysOk'),
    );
  if (report.schemaVersion !== undefined)
    lines.push(t('doctor.schema', { version: report.schemaVersion, known: report.knownSchemaVersion }));
  if (report.events !== undefined) lines.push(t('doctor.events', { count: report.events }));
  if (report.freeBytesInFile !== undefined || report.freeBytesOnDisk !== undefined)
    lines.push(
      t('doctor.free', {
        inFile: report.freeBytesInFile === undefined ? '?' : bytesText(report.freeBytesInFile),
        onDisk: report.freeBytesOnDisk === undefined ? '?' : bytesText(report.freeBytesOnDisk),
      }),
    );
  lines.push(t('doctor.writable', { answer: t(report.writable ? 'doctor.yes' : 'doctor.no') }));
  if (report.backups.length === 0) lines.push(t('doctor.noBackups'));
  else {
    lines.push(t('doctor.backups', { count: report.backups.length, dir: backupDir(report.file) }));
    for (const b of report.backups) lines.push(t('doctor.backup', { name: b.name, size: bytesText(b.bytes) }));
  }
  if (report.problems.length === 0) lines.push(t('doctor.healthy'));
  else {
    lines.push(t('doctor.problems'));
    for (const problem of report.problems)
      lines.push(
        `  - ${t(`doctor.problem.${problem}`, {
          error: report.error ?? '',
          size: bytesText(LOW_DISK_BYTES),
          day: report.backups[0]?.day ?? '',
        })}`,
      );
  }
  return `${lines.join('\n')}\n`;
}

function refusePostgres(io: CliIo, locale: Locale): void {
  if (io.env['DATABASE_URL'])
    throw new MlpathError({ code: 'INVALID_INPUT', message: tmsg(locale, 'restore.postgres') });
}

export function registerDoctor(program: Command, io: CliIo): void {
  const h = helpFor(io.env);
  program
    .command('doctor')
    .description(h('doctor'))
    .option('--json', h('doctor.json'))
    .action(async (options: { json?: boolean }) => {
      const locale = systemLocale(io.env);
      if (io.env['DATABASE_URL']) {
        const store = await openStore(io.env, io.cwd);
        try {
          await store.ping();
          io.out(
            options.json
              ? `${JSON.stringify({ kind: 'postgres', location: store.location, answers: true }, null, 2)}\n`
              : `${tmsg(locale, 'doctor.postgres', { location: store.location })}\n`,
          );
        } finally {
          await store.close();
        }
        return;
      }
      const report = examineSqlite(databaseFile(io.env, io.cwd), clock(io));
      io.out(options.json ? `${JSON.stringify(report, null, 2)}\n` : renderDoctor(report, locale));
      const serious = report.problems.filter((p) => SERIOUS.has(p));
      if (serious.length > 0)
        throw new MlpathError({
          code: 'STORAGE',
          message: tmsg(locale, 'doctor.failed', { file: report.file, problems: serious.join(', ') }),
        });
    });

  program
    .command('restore')
    .description(h('restore'))
    .argument('[backup]', h('restore.backup'))
    .action(async (which: string | undefined) => {
      const locale = systemLocale(io.env);
      refusePostgres(io, locale);
      const file = databaseFile(io.env, io.cwd);
      const t = (key: TrackingKey, values: Record<string, string | number> = {}): string => tmsg(locale, key, values);
      if (which === undefined) {
        const backups = listBackups(file);
        const dir = backupDir(file);
        if (backups.length === 0) {
          io.out(`${t('restore.none', { dir })}\n`);
          return;
        }
        io.out(`${t('restore.list', { dir })}\n`);
        for (const b of backups) io.out(`${t('restore.item', { name: b.name, size: bytesText(b.bytes) })}\n`);
        io.out(`${t('restore.how')}\n`);
        return;
      }
      const restored = restoreBackup(file, findBackup(file, which, io.cwd), clock(io));
      io.out(`${t('restore.done', { from: basename(restored.from) })}\n`);
      if (restored.keptAside) io.out(`${t('restore.kept', { aside: restored.keptAside })}\n`);
    });
}
