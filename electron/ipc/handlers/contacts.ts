import type { contactsContract } from '../../../shared/ipc/contract/contacts';
import type { Services } from '../../services';
import type { HandlersFor } from './define';

export const contactsHandlers = (services: Services): HandlersFor<typeof contactsContract> => ({
  'contacts:add': (req) => services.profile.addContact(req.customerId, req.contact),
  'contacts:update': (req) => services.profile.updateContact(req.id, req.contact),
  'contacts:remove': (req) => services.profile.removeContact(req.id),
});
