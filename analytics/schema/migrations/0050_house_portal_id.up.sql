-- The «Наш Санкт-Петербург» portal's building id of a house (assets/registry: the portal's
-- building list joined to the 2016 registry). NULL when the portal list does not have the house.
-- Houses the registry lacks come from that list with id 'portal:<building id>' and org_id NULL.
ALTER TABLE houses ADD COLUMN IF NOT EXISTS portal_id Nullable(String) AFTER area;
