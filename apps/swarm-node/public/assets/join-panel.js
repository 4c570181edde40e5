// "Add a machine": the command that joins another machine to this swarm. It holds the swarm key, so
// it is fetched only when asked for and lives in this page only: never stored, gone on reload.
import { ApiError, getJoinCommand } from './api.js';
import { byId, show } from './dom.js';

function messageOf(error) {
  if (error instanceof ApiError && error.status === 403) {
    // The node shows the command only to a browser on its own machine.
    return `open this dashboard (${location.origin}) on the machine that runs the node to see the join command`;
  }
  return error instanceof Error ? error.message : String(error);
}

export function setupJoinPanel() {
  const button = byId('join-show');
  const command = byId('join-command');
  const note = byId('join-note');
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      const answer = await getJoinCommand();
      command.textContent = answer.command;
      show(command, true);
      show(note, false);
    } catch (error) {
      note.textContent = messageOf(error);
      show(note, true);
      show(command, false);
    } finally {
      button.disabled = false;
    }
  });
}
