// Global set-up of the 'bluesky' vitest project: a private Postgres + Redis on loopback for the
// whole run. Each test file
// starts its own TestNetwork on them (in its own Postgres schema), because the network has to
// live in the process that calls network.processAll().
import { startBlueskyServices } from '../../scripts/lib/bluesky-services.mjs';

export default async function setup(project) {
  const started = Date.now();
  const services = await startBlueskyServices({ log: (line) => console.log(line) });
  console.log(`bluesky services ready in ${Date.now() - started} ms`);
  project.provide('blueskyServices', services.env);
  return async () => {
    await services.stop();
  };
}
