// The registry as the rest of the system sees it: houses, organisations, districts.
import type { OrgKind } from './taxonomy.js';

export interface House {
  /**
   * stable id: "spb:9071799" (region prefix + reformagkh HOUSE_ID), or "portal:140298" for a
   * building of the «Наш Санкт-Петербург» portal that the 2016 registry lacks
   */
  id: string;
  region: 'spb' | 'lenoblast';
  /** normalised display address, e.g. "ул. Барочная, д. 2" */
  address: string;
  /** street name without type, e.g. "Барочная" */
  street: string;
  /** street type, e.g. "ул." */
  streetType: string;
  /** house number as written in the registry, e.g. "13/15 лит. А" */
  number: string;
  /** city or settlement, e.g. "Санкт-Петербург", "Всеволожск" */
  locality: string;
  lat: number | null;
  lon: number | null;
  district: string | null;
  orgId: string | null;
  year: number | null;
  floors: number | null;
  apartments: number | null;
  area: number | null;
  /** the «Наш Санкт-Петербург» portal's building id; its point then is the portal's */
  portalId?: string | null;
}

export interface OrganisationRecord {
  id: string;
  name: string;
  kind: OrgKind;
  /** every spelling of the name seen in the sources */
  spellings: string[];
  houseCount: number;
  /** district the organisation serves (district administrations), e.g. "Приморский район" */
  district?: string | null;
  /** 'registry': seen in the house registry; 'configured': a well-known default added by the build, not registry data */
  source?: 'registry' | 'configured';
  /** resource suppliers: what they supply */
  resource?: 'heat' | 'water' | 'electricity' | 'gas' | null;
}

export interface District {
  /** e.g. "Приморский район" */
  name: string;
  /** GeoJSON geometry (Polygon or MultiPolygon) */
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown };
}
