import { PeerDirectory } from '@local-swarm/federation';
import { Injectable, type OnApplicationShutdown } from '@nestjs/common';

/** Stops the directory's health checks when Nest shuts down. */
@Injectable()
export class PeerDirectoryLifecycle implements OnApplicationShutdown {
  constructor(private readonly directory: PeerDirectory) {}

  async onApplicationShutdown(): Promise<void> {
    await this.directory.stop();
  }
}
