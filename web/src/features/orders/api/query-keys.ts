/** Query keys of the filing orders: everything about one order starts with ['orders', id]. */
export const orderKeys = {
  all: ['orders'] as const,
  list: () => ['orders', 'list'] as const,
  one: (id: string) => ['orders', id] as const,
  precheck: (id: string) => ['orders', id, 'precheck'] as const,
  records: () => ['records'] as const,
};
