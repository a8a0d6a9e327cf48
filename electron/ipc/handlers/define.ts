import type { Channel, ParsedRequestOf, ResponseOf } from '../../../shared/ipc/contract';

export type Handler<C extends Channel> = (request: ParsedRequestOf<C>) => ResponseOf<C> | Promise<ResponseOf<C>>;

/** The handlers of one contract slice: one per channel it declares, each typed by that channel's schemas. */
export type HandlersFor<Slice> = { [C in keyof Slice & Channel]: Handler<C> };
