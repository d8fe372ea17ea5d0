import type { SessionResponse, SessionUser } from '@gongzhi/contracts';
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { api, ApiError, setCsrfToken } from '../api/client';

interface SessionState {
  user: SessionUser | null;
  loading: boolean;
  login(username: string, password: string): Promise<void>;
  /** Citizens: a mobile number and the one-time code sent to it. */
  loginWithCode(phone: string, code: string): Promise<void>;
  logout(): Promise<void>;
}

const SessionContext = createContext<SessionState>(null!);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<SessionUser | null>(null);
  const [loading, setLoading] = useState(true);
  const accept = (s: SessionResponse) => {
    setCsrfToken(s.csrfToken);
    setUser(s.user);
  };
  useEffect(() => {
    api<SessionResponse>('/auth/me')
      .then(accept)
      .catch((e: unknown) => {
        if (!(e instanceof ApiError && e.status === 401)) console.error(e);
      })
      .finally(() => setLoading(false));
  }, []);
  const login = useCallback(async (username: string, password: string) => {
    accept(await api<SessionResponse>('/auth/login', { method: 'POST', body: { username, password } }));
  }, []);
  const loginWithCode = useCallback(async (phone: string, code: string) => {
    accept(await api<SessionResponse>('/auth/otp/verify', { method: 'POST', body: { phone, code } }));
  }, []);
  const logout = useCallback(async () => {
    await api('/auth/logout', { method: 'POST' });
    setUser(null);
  }, []);
  return <SessionContext.Provider value={{ user, loading, login, loginWithCode, logout }}>{children}</SessionContext.Provider>;
}

export const useSession = () => useContext(SessionContext);
export const can = (user: SessionUser | null, permission: string) => Boolean(user?.permissions.includes(permission));
