/**
 * What Switchboard exchanges with a CRM through the
 * {@link io.switchboard.core.port.CrmConnector} port: a
 * {@link io.switchboard.core.crm.ContactMatch} for the screen pop and a
 * {@link io.switchboard.core.crm.CallLog} for the activity history.
 */
package io.switchboard.core.crm;
