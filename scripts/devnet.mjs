#!/usr/bin/env node
// `npm run devnet [-- --mentions N] [-- --history DAYS]`: a Bluesky network of your own on
// 127.0.0.1, to try Leitstand's inbox, composer and dashboard without touching the real Bluesky. It starts the official AT
// Protocol dev network (PLC, PDS, AppView) with a private Postgres and Redis (installed by the
// project's own scripts, as for the tests), creates two people:
//   brand.test  the account you connect in Leitstand (an app password is printed)
//   kunde.test  a customer who writes to the brand
// and then reads commands from the terminal:
//   mention <text>   kunde.test posts "@brand.test <text>"
//   reply <text>     kunde.test replies to brand.test's newest post
//   spike [N]        N (default 12) angry mentions from several people at once: a spike alert
//   quit             stops the network and removes its data
// With --history DAYS, four customers have written to the brand over the last DAYS days (German and
// English, praise, questions and complaints, backdated), so the dashboard has something to show.
// Everything lives in a temporary folder and is gone when the script ends.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { ensureBlueskyPackages, startBlueskyServices } from './lib/bluesky-services.mjs';

if (Number(process.versions.node.split('.')[0]) < 22) {
  console.error(`The dev network needs Node 22 (found ${process.version}); start it with npm run devnet.`);
  process.exit(1);
}

const args = process.argv.slice(2);
const optionValue = (name) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) || 0 : 0);
const mentionsAtStart = optionValue('--mentions');
const historyDays = Math.min(30, optionValue('--history'));

/** Demo texts for --history and spike, written for this script. */
const HISTORY_TEXTS = [
  'Danke für die schnelle Hilfe gestern, super Service!',
  'Wann habt ihr am Samstag geöffnet?',
  'Meine Bestellung ist seit einer Woche nicht angekommen. Langsam nervt es.',
  'Die neue Kollektion ist richtig schön geworden 😍',
  'Gibt es den Rucksack auch in Blau?',
  'Kundenservice antwortet seit drei Tagen nicht. Enttäuschend.',
  'Habe heute im Laden eingekauft, nette Beratung. Gerne wieder!',
  'Kann ich online bestellen und im Laden abholen?',
  'Love the new app update, checkout is so much faster now!',
  'Do you ship to Austria?',
  'Still waiting for my refund. This is getting ridiculous.',
  'Great quality, my jacket still looks new after two winters.',
  'Is the store open on Sunday?',
  'Worst delivery experience ever, box was completely crushed.',
];
const SPIKE_TEXTS = [
  'Die App ist schon wieder kaputt, ich kann nicht bezahlen! Frechheit!',
  'Seit heute Morgen geht gar nichts mehr. Schlechtester Service überhaupt.',
  'Abgebucht, aber keine Bestätigung. Ich will mein Geld zurück!',
  'Your checkout is broken again and support is not answering. Terrible.',
  'Charged twice and no reply from you. Never again.',
  'Nichts funktioniert, und keiner meldet sich. Unfassbar ärgerlich.',
];

/** The dev network names its PDS http://localhost:<port> in DID documents; stay on 127.0.0.1. */
async function loopbackFetch(input, init) {
  const original = input instanceof Request ? input : new Request(input, init);
  const url = new URL(original.url);
  if (url.hostname === 'localhost') url.hostname = '127.0.0.1';
  return fetch(new Request(url, { method: original.method, headers: original.headers, body: original.body, signal: original.signal, duplex: 'half' }));
}

async function createPerson(AtpAgent, pdsUrl, name) {
  const agent = new AtpAgent({ service: pdsUrl, fetch: loopbackFetch });
  await agent.createAccount({ handle: `${name}.test`, email: `${name}@leitstand.test`, password: `${name}-main-password` });
  return agent;
}

async function main() {
  ensureBlueskyPackages((line) => console.error(line));
  const services = await startBlueskyServices({ log: (line) => console.error(line) });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'leitstand-devnet-'));
  process.env.TMPDIR = tmp;
  process.env.REDIS_HOST = services.env.REDIS_HOST;
  const { TestNetwork } = await import('@atproto/dev-env');
  const { AtpAgent, RichText } = await import('@atproto/api');
  const network = await TestNetwork.create({ dbPostgresUrl: services.env.DB_POSTGRES_URL, dbPostgresSchema: services.env.DB_POSTGRES_SCHEMA });
  const pdsUrl = `http://127.0.0.1:${network.pds.port}`;

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    clearInterval(indexer);
    console.log('Stopping the dev network…');
    try {
      await network.close();
    } finally {
      await services.stop();
      fs.rmSync(tmp, { recursive: true, force: true });
      process.exit(0);
    }
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  // Posts written from Leitstand reach the AppView (threads, notifications) once it has indexed them.
  const indexer = setInterval(() => void network.processAll().catch(() => {}), 1000);

  const brand = await createPerson(AtpAgent, pdsUrl, 'brand');
  const kunde = await createPerson(AtpAgent, pdsUrl, 'kunde');
  const customers = [kunde];
  if (historyDays > 0) for (const name of ['anna', 'ben', 'clara']) customers.push(await createPerson(AtpAgent, pdsUrl, name));
  const { data: appPassword } = await brand.com.atproto.server.createAppPassword({ name: 'Leitstand' });
  await brand.post({ text: 'Willkommen bei Brand! Fragen? Schreibt uns.' });

  const post = async (text, reply, author = kunde, createdAt = undefined) => {
    const rich = new RichText({ text });
    await rich.detectFacets(author);
    await author.post({ text: rich.text, facets: rich.facets, ...(reply ? { reply } : {}), ...(createdAt ? { createdAt } : {}) });
    if (!createdAt) await network.processAll();
  };
  const spike = async (count) => {
    for (let i = 0; i < count; i++) await post(`@brand.test ${SPIKE_TEXTS[i % SPIKE_TEXTS.length]}`, undefined, customers[i % customers.length]);
  };
  if (historyDays > 0) {
    // A steady trickle of mentions, a few an hour during the day, over the last historyDays days.
    const hour = 3_600_000;
    const start = Date.now() - historyDays * 24 * hour;
    let written = 0;
    for (let at = start; at < Date.now() - hour; at += hour) {
      const hourOfDay = new Date(at).getHours();
      if (hourOfDay < 7 || hourOfDay > 21) continue;
      const count = 1 + ((at / hour) % 3);
      for (let i = 0; i < count; i++) {
        const text = HISTORY_TEXTS[(written * 7 + i) % HISTORY_TEXTS.length];
        await post(`@brand.test ${text}`, undefined, customers[written % customers.length], new Date(at + i * 600_000).toISOString());
        written++;
      }
    }
    await network.processAll();
    console.log(`${written} mentions over the last ${historyDays} days written.`);
  }
  const mention = (text) => post(`@brand.test ${text}`);
  const replyToNewest = async (text) => {
    const feed = await brand.getAuthorFeed({ actor: brand.session.did, limit: 1 });
    const parent = feed.data.feed[0]?.post;
    if (!parent) throw new Error('brand.test has no post to reply to.');
    const record = parent.record;
    const root = record.reply?.root ?? { uri: parent.uri, cid: parent.cid };
    await post(text, { root, parent: { uri: parent.uri, cid: parent.cid } });
  };
  for (let i = 1; i <= mentionsAtStart; i++) await mention(`Frage ${i}: Wann habt ihr geöffnet?`);

  console.log(`
The Bluesky dev network is running.

Connect it in Leitstand (Accounts → Connect Bluesky account):
  Server:        ${pdsUrl}
  Handle:        brand.test
  App password:  ${appPassword.password}

Commands: mention <text> | reply <text> | spike [N] | quit`);

  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, prompt: 'devnet> ' });
  rl.prompt();
  rl.on('line', async (line) => {
    const [command, ...rest] = line.trim().split(' ');
    const text = rest.join(' ').trim();
    try {
      if (command === 'mention' && text) {
        await mention(text);
        console.log('kunde.test mentioned brand.test.');
      } else if (command === 'reply' && text) {
        await replyToNewest(text);
        console.log("kunde.test replied to brand.test's newest post.");
      } else if (command === 'spike') {
        const count = Math.min(200, Number(text) || 12);
        await spike(count);
        console.log(`${count} angry mentions posted.`);
      } else if (command === 'quit' || command === 'exit') {
        await stop();
        return;
      } else if (command) {
        console.log('Commands: mention <text> | reply <text> | spike [N] | quit');
      }
    } catch (error) {
      console.error(`That did not work: ${error.message}`);
    }
    rl.prompt();
  });
  rl.on('close', () => void stop());
}

main().catch((error) => {
  console.error(`The dev network could not start: ${error.stack ?? error.message}`);
  process.exit(1);
});
