import { describe, expect, it } from 'vitest';
import { COMMANDS, EXPLAIN_MENU_ID, runCommand, runExplainMenu, type ShortcutPorts } from '@/utils/shortcuts';

/** Ports that log, in order, what a command asked of the browser. */
function fake() {
  const log: string[] = [];
  const ports: ShortcutPorts = {
    openPanel: async (tabId) => {
      log.push(`panel:${tabId}`);
      return true;
    },
    summarize: async (tabId) => void log.push(`summarize:${tabId}`),
    explain: async (tabId, text) => void log.push(`explain:${tabId}:${text}`),
  };
  return { log, ports };
}

const tab = { id: 3 } as never;

describe('keyboard commands', () => {
  it.each([
    [COMMANDS.summarize, ['panel:3', 'summarize:3']],
    [COMMANDS.explain, ['panel:3', 'explain:3:']],
    [COMMANDS.panel, ['panel:3']],
  ])('%s opens the panel first (the key press is the user action), then asks the page', async (command, expected) => {
    const { log, ports } = fake();
    await runCommand(command, tab, ports);
    expect(log).toEqual(expected);
  });

  it('a page Skein does not read: the panel opens, the page message fails quietly', async () => {
    const { log, ports } = fake();
    await expect(
      runCommand(COMMANDS.summarize, tab, { ...ports, summarize: () => Promise.reject(new Error('no receiver')) }),
    ).resolves.toBeNull();
    expect(log).toEqual(['panel:3']);
  });
});

describe('the context menu', () => {
  it('explains the selected text in its tab', async () => {
    const { log, ports } = fake();
    await runExplainMenu({ menuItemId: EXPLAIN_MENU_ID, selectionText: 'frogging' }, tab, ports);
    expect(log).toEqual(['panel:3', 'explain:3:frogging']);
  });
  it('ignores other menus and tabless clicks', async () => {
    const { log, ports } = fake();
    await runExplainMenu({ menuItemId: 'other' }, tab, ports);
    await runExplainMenu({ menuItemId: EXPLAIN_MENU_ID }, undefined, ports);
    expect(log).toEqual([]);
  });
});
