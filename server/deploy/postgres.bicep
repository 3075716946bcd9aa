// Azure Database for PostgreSQL flexible server, Key Vault and the app's identity, all in
// Germany West Central. az deployment group create -g rg-werkplan-gwc -f server/deploy/postgres.bicep
param location string = 'germanywestcentral'
param adminGroupObjectId string
@secure()
param pgAdminPassword string

resource kv 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: 'kv-werkplan-gwc'
  location: location
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'premium' } // HSM-backed keys for customer-managed storage encryption
    enableRbacAuthorization: true
    enablePurgeProtection: true
    softDeleteRetentionInDays: 90
    publicNetworkAccess: 'Disabled'
  }
}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-werkplan-sync'
  location: location
}

resource pg 'Microsoft.DBforPostgreSQL/flexibleServers@2023-06-01-preview' = {
  name: 'psql-werkplan-gwc'
  location: location
  sku: { name: 'Standard_D2ds_v5', tier: 'GeneralPurpose' }
  properties: {
    version: '16'
    administratorLogin: 'werkplan_admin'
    administratorLoginPassword: pgAdminPassword
    storage: { storageSizeGB: 64, autoGrow: 'Enabled' }
    backup: { backupRetentionDays: 7, geoRedundantBackup: 'Disabled' } // 'Enabled' copies to the pair Germany North (still Germany)
    highAvailability: { mode: 'ZoneRedundant' }
    network: { publicNetworkAccess: 'Disabled' }
    authConfig: { activeDirectoryAuth: 'Enabled', passwordAuth: 'Enabled', tenantId: subscription().tenantId }
  }
}

resource tlsOnly 'Microsoft.DBforPostgreSQL/flexibleServers/configurations@2023-06-01-preview' = {
  parent: pg
  name: 'ssl_min_protocol_version'
  properties: { value: 'TLSv1.2', source: 'user-override' }
}

resource db 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2023-06-01-preview' = {
  parent: pg
  name: 'werkplan'
}

output adminGroup string = adminGroupObjectId
output identityClientId string = identity.properties.clientId
