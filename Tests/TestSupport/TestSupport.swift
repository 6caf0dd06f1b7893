@_exported import FleetCore
