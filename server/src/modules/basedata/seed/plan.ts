import { seededRandom } from '../synthetic/random.js';
import { planHousing, type GridRef, type HousingPlan } from './housing-plan.js';
import { planDiscrepancies, type DiscrepancyPlan } from './links-plan.js';
import { planOrganisations, type OrganisationPlan } from './organisations-plan.js';
import { planResidents, type ResidentsPlan } from './residents-plan.js';

export interface BaseDataPlan {
  housing: HousingPlan;
  residents: ResidentsPlan;
  organisations: OrganisationPlan[];
  discrepancies: DiscrepancyPlan[];
}

/**
 * The demo district's base data for the grids given (in code order), as of one day: the same grids and
 * day give the same plan. Each part draws from its own stream, so that changing how organisations are
 * made does not move a single person.
 */
export function planBaseData(grids: readonly GridRef[], asOf: string): BaseDataPlan {
  const stream = (part: string) => seededRandom(`gongzhi-demo-basedata:${part}`);
  const housing = planHousing(stream('housing'), grids);
  const residents = planResidents(stream('residents'), housing, grids, asOf);
  const organisations = planOrganisations(stream('organisations'), housing, residents.people, grids, asOf);
  const discrepancies = planDiscrepancies(stream('discrepancies'), residents.people, organisations, asOf);
  return { housing, residents, organisations, discrepancies };
}
