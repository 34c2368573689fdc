import type { FakeMastodon } from '../../fakes/mastodon';

/**
 * A small world on the fake instance: the brand's account follows a local and a remote account,
 * a list holds a third, and notifications of every kind arrive.
 */
export function seedWorld(fake: FakeMastodon) {
  const s = fake.state;
  const alice = s.addAccount({ username: 'alice', displayName: 'Alice' });
  const bob = s.addAccount({ username: 'bob', domain: 'social.example', displayName: 'Bob' });
  const carol = s.addAccount({ username: 'carol', domain: 'press.example', displayName: 'Carol' });
  const dave = s.addAccount({ username: 'dave' });
  s.follow(alice);
  s.follow(bob);
  const pressList = s.createList('Press', [carol]);

  const own = s.post(s.me, { content: '<p>Our launch is today</p>' });
  const aliceTagged = s.post(alice, { content: '<p>Trying <a href="x">#Leitstand</a></p>', tags: ['Leitstand'] });
  const bobPost = s.post(bob, { content: '<p>Hello from afar</p>' });
  const carolTagged = s.post(carol, { content: '<p>Review of #leitstand</p>', tags: ['leitstand'] });
  const davePost = s.post(dave, { content: '<p>Local chatter</p>' });
  const bobBoost = s.reblog(bob, carolTagged);
  const mention = s.post(carol, { content: '<p>@brand when is the release?</p>', inReplyTo: own });

  s.notify('favourite', dave, own);
  s.notify('mention', carol, mention);
  s.notify('follow', bob);
  s.notify('status', alice, aliceTagged);
  s.notify('reblog', alice, own);
  return { alice, bob, carol, dave, pressList, own, aliceTagged, bobPost, carolTagged, davePost, bobBoost, mention };
}
