import { describe, expect, it } from 'vitest';
import type { OptionTable } from './args';
import { EXPORT_LP_OPTIONS, EXPORT_LP_USAGE, exportLpCommand } from './export-lp';
import { type CommandHandler, usage } from './main';
import { PARETO_OPTIONS, PARETO_USAGE, paretoCommand } from './pareto';
import { PROFILE_OPTIONS, PROFILE_USAGE, profileCommand } from './profile';
import { REPORT_OPTIONS, REPORT_USAGE, reportCommand } from './report';
import { SOLVE_COMMAND_OPTIONS, SOLVE_USAGE, solveCommand } from './solve';

/** The options a usage text names: every `--name`, in order, once. */
function usageOptions(text: string): string[] {
  return [...new Set(Array.from(text.matchAll(/--([a-z][a-z0-9-]*)/g), (m) => m[1]))];
}

const commands: { name: string; table: OptionTable; text: string; handler: CommandHandler }[] = [
  { name: 'solve', table: SOLVE_COMMAND_OPTIONS, text: SOLVE_USAGE, handler: solveCommand },
  { name: 'pareto', table: PARETO_OPTIONS, text: PARETO_USAGE, handler: paretoCommand },
  { name: 'report', table: REPORT_OPTIONS, text: REPORT_USAGE, handler: reportCommand },
  { name: 'export-lp', table: EXPORT_LP_OPTIONS, text: EXPORT_LP_USAGE, handler: exportLpCommand },
  { name: 'profile', table: PROFILE_OPTIONS, text: PROFILE_USAGE, handler: profileCommand },
];

const silent = { stdout: () => undefined, stderr: () => undefined };

describe('usage of the commands with options', () => {
  it('reads the options of a usage text', () => {
    expect(usageOptions('usage: x P.json --a-b N [--c|--d] [--a-b M] --e2')).toEqual(['a-b', 'c', 'd', 'e2']);
  });

  for (const c of commands) {
    describe(c.name, () => {
      it('names exactly the options its parser accepts', () => {
        expect(usageOptions(c.text).sort()).toEqual(Object.keys(c.table).sort());
      });

      it('is the line `werkplan --help` prints for it', () => {
        const line = `  werkplan ${c.text.replace(/^usage: werkplan /, '')}`;
        expect(usage().split('\n')).toContain(line);
      });

      it('is the error without a project file', async () => {
        await expect(c.handler([], silent)).rejects.toThrow(c.text);
      });
    });
  }
});
