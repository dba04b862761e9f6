import { graphql } from '../gql';
import { graphqlRequest } from './graphql-request';
import type { Me } from './graphql-types';

const LoginDocument = graphql(`
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      ...MeFields
    }
  }
`);

const LogoutDocument = graphql(`
  mutation Logout {
    logout
  }
`);

/** Signs in; the API sets the session cookie. Wrong credentials throw a
 * GraphqlError with code UNAUTHENTICATED. */
export async function login(email: string, password: string): Promise<Me> {
  const data = await graphqlRequest(LoginDocument, { email, password });
  return data.login;
}

/** Ends the session and clears its cookie. */
export async function logout(): Promise<boolean> {
  const data = await graphqlRequest(LogoutDocument);
  return data.logout;
}
