import { graphqlRequest } from './graphql-request';
import {
  LOGIN_MUTATION,
  type LoginMutation,
  type LoginMutationVariables,
  LOGOUT_MUTATION,
  type LogoutMutation,
  type Me,
} from './operations';

/** Signs in; the API sets the session cookie. Wrong credentials throw a
 * GraphqlError with code UNAUTHENTICATED. */
export async function login(email: string, password: string): Promise<Me> {
  const data = await graphqlRequest<LoginMutation, LoginMutationVariables>(
    LOGIN_MUTATION,
    { email, password },
  );
  return data.login;
}

/** Ends the session and clears its cookie. */
export async function logout(): Promise<boolean> {
  const data = await graphqlRequest<LogoutMutation>(LOGOUT_MUTATION);
  return data.logout;
}
