/** How the workbench names runs in titles, legends and tables; every view uses it, and it uses only the engine. */
package org.scalelab.app.text;
