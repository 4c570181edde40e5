import { EventEmitter } from 'node:events';

/** Map of event name → payload type. */
export type EventMap = { readonly [event: string]: unknown };

export type Listener<T> = (payload: T) => void;

/**
 * node:events with one typed payload per event. Listeners run synchronously in registration
 * order; a listener that throws is a programmer error and propagates to whoever emitted.
 */
export class TypedEventEmitter<Events extends EventMap> {
  readonly #emitter = new EventEmitter();

  /** Subscribes; returns a function that unsubscribes. */
  on<K extends keyof Events & string>(event: K, listener: Listener<Events[K]>): () => void {
    this.#emitter.on(event, listener);
    return () => this.off(event, listener);
  }

  once<K extends keyof Events & string>(event: K, listener: Listener<Events[K]>): () => void {
    this.#emitter.once(event, listener);
    return () => this.off(event, listener);
  }

  off<K extends keyof Events & string>(event: K, listener: Listener<Events[K]>): void {
    this.#emitter.off(event, listener);
  }

  protected emit<K extends keyof Events & string>(event: K, payload: Events[K]): void {
    this.#emitter.emit(event, payload);
  }
}
