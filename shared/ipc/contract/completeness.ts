import { completenessRulesSchema } from '../../domain/completeness';
import { call, empty, read } from './define';

/** Which profile fields count towards a profile's completeness. */
export const completenessContract = {
  'completeness:get': read(empty, completenessRulesSchema, ['settings']),
  'completeness:set': call(completenessRulesSchema, completenessRulesSchema),
};
