import { main, type CliIo } from './main';

/** Runs `werkplan <argv>` in process and collects exit code, stdout and stderr (CLI tests). */
export async function runCli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { stdout: (t) => (out += t), stderr: (t) => (err += t) };
  const code = await main(argv, io);
  return { code, out, err };
}
