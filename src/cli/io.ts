/**
 * @module io
 * Where the CLI writes. Commands never touch process.stdout directly, so tests can run `main`
 * in process and read what a user would see. With `--json`, stdout carries JSON only;
 * messages, warnings and progress go to stderr.
 */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Whether stdout is a terminal (colours, prompts and progress bars only then). */
  readonly isTty: boolean;
  /** Whether stdin is a terminal (false when input is piped: a prompt would read the pipe). */
  readonly stdinIsTty?: boolean;
  /** Environment variables (MLPATH_HOME, DATABASE_URL, ...). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The working directory relative paths are resolved against. */
  readonly cwd: string;
  /** All of standard input as text (read only by commands that ask for it, such as --password-stdin). */
  readStdin?(): Promise<string>;
}

export function processIo(): CliIo {
  // `mlpath plan | head` closes the pipe early: that is the reader's choice, not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  return {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    isTty: process.stdout.isTTY === true,
    stdinIsTty: process.stdin.isTTY === true,
    env: process.env,
    cwd: process.cwd(),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
  };
}

/** An io that records everything, for tests. */
export function memoryIo(
  options: { env?: Record<string, string | undefined>; cwd?: string; stdin?: string } = {},
): CliIo & {
  stdout: () => string;
  stderr: () => string;
} {
  let stdout = '';
  let stderr = '';
  return {
    out: (text) => {
      stdout += text;
    },
    err: (text) => {
      stderr += text;
    },
    isTty: false,
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
    readStdin: () => Promise.resolve(options.stdin ?? ''),
    stdout: () => stdout,
    stderr: () => stderr,
  };
}
