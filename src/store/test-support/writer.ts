/**
 * A child process for reliability tests: runs `mlpath log` (the real CLI code, in process) over
 * and over against MLPATH_HOME, and prints `ack <event id>` after each command has returned
 * successfully, i.e. after the event was acknowledged to the user. Stops after COUNT commands
 * (default: never; the test kills it). Each entry is a hundredth of an hour, so that thousands of
 * them fit in the 24 hours a day holds.
 *
 *   node --import tsx writer.ts <label> [count]
 */
import { memoryIo } from '../../cli/io.js';
import { main } from '../../cli/main.js';

const label = process.argv[2] ?? 'w';
const count = Number(process.argv[3] ?? Number.POSITIVE_INFINITY);

for (let i = 0; i < count; i++) {
  const io = memoryIo({ env: { ...process.env }, cwd: process.cwd() });
  const status = await main(['log', '0.01', '--note', `${label}-${i}`, '--json'], io);
  if (status !== 0) {
    process.stderr.write(`writer ${label}: mlpath log failed (${status}): ${io.stderr()}\n`);
    process.exit(1);
  }
  const event = JSON.parse(io.stdout()) as { id: string };
  process.stdout.write(`ack ${event.id}\n`);
}
