import { classifyAddress } from '@local-swarm/net-binding';
import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { OpenAiHttpError } from '../http/openai-error';
import { isOwnOrigin } from '../security/own-origin';

/**
 * Who may add or remove peers: a client on this machine (loopback), or the node's own dashboard
 * (its Origin). Whoever picks the peers picks who votes on every answer and where this node
 * connects, so a web page on another site, or a page that rebound a name to this node, may not.
 */
@Injectable()
export class PeerAdminGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (classifyAddress(request.ip) === 'loopback' || isOwnOrigin(request)) return true;
    throw new OpenAiHttpError(
      403,
      'permission_error',
      "peers are added and removed only from this machine or from this node's dashboard",
      null,
      'forbidden_peer_admin',
    );
  }
}
