import { useQuery } from '@tanstack/react-query';
import { publicConfigQuery } from '../../order-progress/api/get-public-config.ts';

/** Which sign-in methods this deployment offers (GET /public/config → signIn); undefined while loading. */
export const useSignInMethods = () => useQuery({ ...publicConfigQuery, select: (c) => c.signIn });

/** Where the browser goes to start a provider sign-in; `returnTo` is checked again by the server. */
export const providerStartUrl = (method: 'oidc' | 'wechat', returnTo: string | undefined): string =>
  `/api/v1/auth/${method}/start${returnTo ? `?returnTo=${encodeURIComponent(returnTo)}` : ''}`;
