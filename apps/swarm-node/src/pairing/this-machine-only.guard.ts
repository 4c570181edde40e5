import { isThisMachineAddress } from '@local-swarm/net-binding';
import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { OpenAiHttpError } from '../http/openai-error';
import { isOwnOrigin } from '../security/own-origin';

/**
 * Who may read a secret of this node (the join string holds the swarm key): a client on this
 * machine (loopback, or this machine's own LAN address: a federated node listens on a LAN address
 * and is reached through it from its own machine), and when a browser sends it, only from the
 * node's own dashboard. Stricter
 * than the peer-admin rule: the dashboard opened from the LAN, an API key holder elsewhere, or a
 * --cors-origin page on this machine could hand the key to whoever sits behind them.
 */
@Injectable()
export class ThisMachineOnlyGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const fromOwnPageOrProgram = request.headers.origin === undefined || isOwnOrigin(request);
    if (isThisMachineAddress(request.ip) && fromOwnPageOrProgram) return true;
    throw new OpenAiHttpError(
      403,
      'permission_error',
      'the join command holds the swarm key: it is shown only on the machine that runs the node (open the dashboard there, or run local-swarm key show)',
      null,
      'join_string_loopback_only',
    );
  }
}
