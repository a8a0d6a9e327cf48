import type { Channel } from '../../shared/ipc/contract';
import { mergeDomains } from '../../shared/ipc/contract/define';
import type { Services } from '../services';
import { appHandlers } from './handlers/app';
import { backupsHandlers } from './handlers/backups';
import { careHandlers } from './handlers/care';
import { completenessHandlers } from './handlers/completeness';
import { complaintsHandlers } from './handlers/complaints';
import { contactsHandlers } from './handlers/contacts';
import { customersHandlers } from './handlers/customers';
import type { Handler } from './handlers/define';
import { duplicatesHandlers } from './handlers/duplicates';
import { exportsHandlers } from './handlers/exports';
import { importsHandlers } from './handlers/imports';
import { jobsHandlers } from './handlers/jobs';
import { loyaltyHandlers } from './handlers/loyalty';
import { ordersHandlers } from './handlers/orders';
import { printHandlers } from './handlers/print';
import { reportsHandlers } from './handlers/reports';
import { segmentsHandlers } from './handlers/segments';
import { surveysHandlers } from './handlers/surveys';
import { viewsHandlers } from './handlers/views';
import { visitsHandlers } from './handlers/visits';
import { warningsHandlers } from './handlers/warnings';

export type HandlerTable = { [C in Channel]: Handler<C> };

/**
 * Maps each contract channel to the service that answers it, merged from one
 * handler map per domain (handlers/<domain>.ts). Requests arrive already validated.
 * A channel without a handler fails to compile; one handled twice throws here.
 */
export function handlerTable(services: Services): HandlerTable {
  return mergeDomains(
    appHandlers(services),
    jobsHandlers(services),
    customersHandlers(services),
    contactsHandlers(services),
    ordersHandlers(services),
    duplicatesHandlers(services),
    viewsHandlers(services),
    completenessHandlers(services),
    backupsHandlers(services),
    importsHandlers(services),
    exportsHandlers(services),
    segmentsHandlers(services),
    warningsHandlers(services),
    complaintsHandlers(services),
    careHandlers(services),
    visitsHandlers(services),
    printHandlers(services),
    surveysHandlers(services),
    reportsHandlers(services),
    loyaltyHandlers(services),
  );
}
