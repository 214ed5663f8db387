import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { api } from '@/api/client';
import { unwrap } from '@/api/errors';
import type { components } from '@/api/schema';
import { session } from '@/api/session';

import { useSession } from '../use-session';

export type Me = components['schemas']['Me'];
export type ProfileUpdate = components['schemas']['ProfileUpdate'];
export type PasswordChange = components['schemas']['PasswordChange'];

export const meQueryKey = ['me'] as const;

export async function fetchMe(): Promise<Me> {
  return unwrap(await api.GET('/api/v1/me'));
}

/** The signed-in user's profile and roles; idle while nobody is signed in. */
export function useMe() {
  const { status } = useSession();
  return useQuery({
    queryKey: meQueryKey,
    queryFn: fetchMe,
    enabled: status === 'signedIn',
    staleTime: 5 * 60_000,
  });
}

export function useUpdateProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (change: ProfileUpdate) =>
      unwrap(await api.PATCH('/api/v1/me', { body: change })),
    onSuccess(me) {
      queryClient.setQueryData(meQueryKey, me);
    },
  });
}

/** 204 ends every session of the account: the user logs in again with the new password. */
export function useChangePassword() {
  return useMutation({
    mutationFn: async (change: PasswordChange) => {
      unwrap(await api.POST('/api/v1/me/password', { body: change }));
    },
    onSuccess() {
      session.end('passwordChanged');
    },
  });
}
