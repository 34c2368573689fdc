import { describe, expect, it } from 'vitest';
import type { EventName } from '../../src/shared/contract/names';
import { addAccount, blueskyPost, restart, startCore, until, workspace } from '../inbox/support';

describe('hidden inbox sources', () => {
  it('poll like columns but tell the deck nothing', async () => {
    let started = startCore();
    const workspaceId = await workspace(started.core);
    addAccount(started.core, started.clock, workspaceId, 'bluesky', 'migros.example');
    started.script.forKind('bluesky', 'mentions', [blueskyPost(started.clock, 'm1')]);
    started = restart(started);
    const seen: EventName[] = [];
    started.core.events.subscribe((event) => seen.push(event));
    await until(() => started.script.requests.some((r) => r.stream.kind === 'mentions'), 'the source to poll');
    await until(() => seen.includes('inbox.changed'), 'the mention to reach the inbox');
    expect(seen).not.toContain('items.added');
    expect(seen).not.toContain('poll.status');
    expect(seen).not.toContain('streams.changed');
  });
});
