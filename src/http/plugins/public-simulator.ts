import type { FastifyPluginAsync } from 'fastify';
import { type SimulatorRoutesOptions, simulatorRoutes } from '../../simulator/http/routes.ts';

/**
 * Mounts the regulator simulator's pages inside the platform process. They stand for MIIT's public site (anyone
 * may enter an SMS code there) and the administrations' consoles, so none of them uses the platform's sessions.
 */
export const publicSimulatorRoutes: FastifyPluginAsync<SimulatorRoutesOptions> = async (app, options) => {
  app.addHook('onRoute', (route) => {
    route.config = { ...(route.config ?? {}), access: 'public' } as typeof route.config;
  });
  await app.register(simulatorRoutes, { sim: options.sim });
};
