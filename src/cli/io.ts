/**
 * What a command reads and writes besides files: standard output, standard error and standard input. The
 * `gyokaku` process passes its own (processIo); tests pass buffers and call the commands in their process.
 */
export type CommandIo = {
  /** A line on standard output. */
  log(line: string): void;
  /** A line on standard error (messages about what was done, warnings). */
  error(line: string): void;
  /** Text or bytes on standard output as they are (a report, JSON). */
  write(chunk: string | Uint8Array): void;
  /** All of standard input as text (a password given with --password-stdin). */
  readInput(): Promise<string>;
};

export function processIo(): CommandIo {
  return {
    log: (line) => process.stdout.write(`${line}\n`),
    error: (line) => process.stderr.write(`${line}\n`),
    write: (chunk) => process.stdout.write(chunk),
    async readInput() {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString("utf8");
    },
  };
}
