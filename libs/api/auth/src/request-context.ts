import type { Role } from '@crosswalk/domain';
import type { ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Request, Response } from 'express';

export interface AuthenticatedUser {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  /** The agency whose data the user may see; null = every agency (collaborative admin). */
  agencyId: string | null;
}

export type CrosswalkRequest = Request & { user?: AuthenticatedUser };

/** The HTTP request and response behind a GraphQL operation or a REST handler. */
export function httpOf(context: ExecutionContext): {
  req: CrosswalkRequest;
  res: Response;
} {
  if (context.getType<string>() === 'graphql') {
    return GqlExecutionContext.create(context).getContext<{
      req: CrosswalkRequest;
      res: Response;
    }>();
  }
  const http = context.switchToHttp();
  return {
    req: http.getRequest<CrosswalkRequest>(),
    res: http.getResponse<Response>(),
  };
}
