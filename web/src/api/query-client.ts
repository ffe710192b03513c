import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './client.ts';

/** Errors a retry cannot fix: the server answered, and answered no. */
const isFinal = (e: unknown) => e instanceof ApiError && e.status >= 400 && e.status < 500;

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 10_000,
        retry: (count, e) => !isFinal(e) && count < 2,
        refetchOnWindowFocus: true,
      },
      mutations: { retry: false },
    },
  });
}
