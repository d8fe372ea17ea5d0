import type {
  buildingDetail, buildingItem, dwellingDetail, dwellingListItem, estateItem, gridStatsResponse, orgDetail, orgListItem, orgListResponse,
  personListResponse, provenanceEntry, residenceEntry, revealLogResponse, sourceInfo, tagType, visitEntry,
} from '@gongzhi/contracts';

/** The type a contract schema parses to (zod's output), without the web app depending on zod itself. */
type Shape<S> = S extends { _zod: { output: infer O } } ? O : never;

export type { FieldDefinition, PersonDetail, PersonListItem } from '@gongzhi/contracts';
export type PersonListResponse = Shape<typeof personListResponse>;
export type Provenance = Shape<typeof provenanceEntry>;
export type Residence = Shape<typeof residenceEntry>;
export type Visit = Shape<typeof visitEntry>;
export type RevealLog = Shape<typeof revealLogResponse>;
export type TagType = Shape<typeof tagType>;
export type SourceInfo = Shape<typeof sourceInfo>;
export type Estate = Shape<typeof estateItem>;
export type Building = Shape<typeof buildingItem>;
export type BuildingDetail = Shape<typeof buildingDetail>;
export type DwellingItem = Shape<typeof dwellingListItem>;
export type DwellingDetail = Shape<typeof dwellingDetail>;
export type OrgListItem = Shape<typeof orgListItem>;
export type OrgListResponse = Shape<typeof orgListResponse>;
export type OrgDetail = Shape<typeof orgDetail>;
export type GridStat = Shape<typeof gridStatsResponse>['items'][number];
export type Values = Record<string, string | null>;

/** GET /basedata/map/buildings: one point per building. */
export interface BuildingPoints {
  type: 'FeatureCollection';
  features: { type: 'Feature'; geometry: { type: 'Point'; coordinates: [number, number] }; properties: { id: string; name: string; estate: string; dwellings: number; residents: number } }[];
}
