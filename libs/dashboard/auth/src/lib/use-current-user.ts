import type { Me } from '@crosswalk/dashboard/data-access';
import { createContext, useContext } from 'react';

export const CurrentUserContext = createContext<Me | null>(null);

/** The signed-in user; only usable below RequireAuth. */
export function useCurrentUser(): Me {
  const me = useContext(CurrentUserContext);
  if (!me) {
    throw new Error('useCurrentUser must be used below <RequireAuth>.');
  }
  return me;
}
