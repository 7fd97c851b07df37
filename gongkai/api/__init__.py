"""Open data: a read-only JSON API over what the portal publishes (agencies, published items, published
annual reports and their aggregates), its OpenAPI document, and CSV/XLSX downloads of the report tables.

Only published things leave through here, and nothing from 依申请公开 (no applicant's data)."""
